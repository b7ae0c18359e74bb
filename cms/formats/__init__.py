"""Django's date and number formats where the site's languages need other than Django's
defaults (FORMAT_MODULE_PATH): English is written as British English."""
