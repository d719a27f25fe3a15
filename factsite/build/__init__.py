"""The build: checking every article, reusing what has not changed, and putting a finished site in place."""
