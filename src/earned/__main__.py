from earned.cli import main

main()
