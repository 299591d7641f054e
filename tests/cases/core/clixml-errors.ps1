# Import-Clixml on a missing file, on text that is not XML, on XML that is not CLIXML, on a
# document that ends early; Export-Clixml -NoClobber onto an existing file, into a missing folder,
# and with an -Encoding 5.1 does not have.
Import-Clixml C:\nope.xml
'not xml' | Set-Content C:\clixml-bad.txt
Import-Clixml C:\clixml-bad.txt
'<root/>' | Set-Content C:\clixml-other.xml
Import-Clixml C:\clixml-other.xml
'<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04"><S>a</S>' | Set-Content C:\clixml-cut.xml
Import-Clixml C:\clixml-cut.xml
1 | Export-Clixml C:\clixml-one.xml
2 | Export-Clixml C:\clixml-one.xml -NoClobber
Import-Clixml C:\clixml-one.xml
1 | Export-Clixml C:\no\such\folder\x.xml
1 | Export-Clixml C:\clixml-enc.xml -Encoding Bogus
'done'
