from lindring.cli import main

main()
