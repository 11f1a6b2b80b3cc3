"""Format-neutral views: every string already formatted for zh-CN, tables as rows."""
