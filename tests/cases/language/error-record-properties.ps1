# What $_ holds in catch: the exception, CategoryInfo (and its ToString), FullyQualifiedErrorId,
# TargetObject and InvocationInfo (line, column, line text, PositionMessage, MyCommand).
# throw of a non-string keeps it as TargetObject with its ToString as the message; throw of an
# exception object ([T]::new) keeps its type, with the message as the error id and no target
# (ExceptionHandlingOps.ConvertToException). Write-Error -TargetObject / -Exception / -ErrorId.
try { throw "boom" } catch {
  "msg=" + $_.Exception.Message
  "str=" + $_.ToString()
  "line number=" + $_.InvocationInfo.ScriptLineNumber + " offset=" + $_.InvocationInfo.OffsetInLine
  "line=" + $_.InvocationInfo.Line
  $_.InvocationInfo.PositionMessage
  "category info=" + $_.CategoryInfo
  "category=" + $_.CategoryInfo.Category + " reason=" + $_.CategoryInfo.Reason + " target=" + $_.CategoryInfo.TargetName
  "id=" + $_.FullyQualifiedErrorId
  "target=" + $_.TargetObject
}
try { nosuch-command } catch { "not found: target=" + $_.TargetObject + " " + $_.CategoryInfo }
try { throw @{a=1} } catch { "hashtable target: " + $_.TargetObject.a + " message=" + $_.Exception.Message }
try { throw 42 } catch { "int: " + $_.TargetObject + " id=" + $_.FullyQualifiedErrorId }
try { throw } catch { "bare: " + $_.Exception.Message }
try { throw [System.ArgumentException]::new("bad arg") } catch [System.ArgumentException] {
  "argument: " + $_.Exception.Message + " | " + $_.CategoryInfo + " | " + $_.FullyQualifiedErrorId + " | target null=" + ($null -eq $_.TargetObject)
}
try { throw [System.InvalidOperationException]::new("not now") } catch [System.SystemException] { "base class: " + $_.Exception.GetType().FullName }
$ex = [System.Exception]::new()
"default message: " + $ex.Message
"exception ToString: $([System.IO.IOException]::new('disk'))"
try { Write-Error -Message "m2" -Category InvalidArgument -ErrorId MyId -TargetObject tgt -ErrorAction Stop } catch {
  "write-error: " + $_.CategoryInfo + " | " + $_.FullyQualifiedErrorId + " | " + $_.TargetObject
}
try { Write-Error -Exception ([System.ArgumentException]::new("bad")) -ErrorAction Stop } catch [System.ArgumentException] {
  "write-error exception: " + $_.Exception.Message + " | " + $_.FullyQualifiedErrorId + " | " + $_.CategoryInfo
}
Write-Error -Message "shown" -TargetObject 5
throw [System.ArgumentException]::new("uncaught")
