"""The picker: choosing up to three stories, searching, filtering and adding stories."""
