# How a [Version] prints on its own (5.1 view).
[version]"5.1.14393.206"
