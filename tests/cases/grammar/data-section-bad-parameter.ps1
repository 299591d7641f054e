# A data section takes only -SupportedCommand.
data -Commands Format-Xml { 'x' }
