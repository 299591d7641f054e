# A hashtable printed on its own: the Name/Value table.
@{ Alias = 'karen' }
