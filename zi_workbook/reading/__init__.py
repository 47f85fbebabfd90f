"""Finding the plan in a sheet: header, areas, merges, page breaks, signature -> Plan."""
