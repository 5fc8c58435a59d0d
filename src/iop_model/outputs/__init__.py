"""Output formats (edges): each module formats what the core computed; the core never imports
them."""
