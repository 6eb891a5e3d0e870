"""``minutebook serve``: a local web page over an index (Flask, server-rendered, no JavaScript)."""
