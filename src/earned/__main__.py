from earned.run import main

main()
