from klyngeradar.cli import main

main()
