"""What every screen shares: the theme, icons, translations, notices and common widgets."""
