"""Reading content files into the data model, with every problem located."""
