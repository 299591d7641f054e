# TimeSpan.ToString(format) and TimeSpans in -f: standard c, g, G and custom formats.
$ts = [timespan]'1.02:05:03.5'
$ts.ToString()
$ts.ToString('c')
$ts.ToString('g')
$ts.ToString('G')
$ts.ToString('hh\:mm\:ss')
$ts.ToString("d' days 'h' hours'")
'{0:dd\.hh\:mm}' -f $ts
'{0}' -f $ts
$ts.ToString('hh:mm')
