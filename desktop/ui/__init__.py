"""Qt widgets: thin. Read input, call one model function, show the result."""
