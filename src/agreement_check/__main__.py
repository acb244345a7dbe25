from agreement_check.cli import main

raise SystemExit(main())
