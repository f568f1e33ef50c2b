"""What anyone sees without logging in: pages, the JSON API, feeds, downloads, charts, and the queries behind them."""
