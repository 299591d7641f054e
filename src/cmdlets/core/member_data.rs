//! The members Get-Member lists for the .NET types exsh's values stand for, as Windows PowerShell
//! 5.1 on .NET Framework 4.8 shows them (overloads in reflection order, PowerShell's short type
//! names: `string`, `int`, `type`, `datetime`…). One line per member: `Kind Name Definition`, with
//! `M` Method, `P` Property, `PP` ParameterizedProperty, `SP` ScriptProperty, `AP` AliasProperty.
//! Facts and sources: docs/reference/core-cmdlets.md, "Get-Member".

/// The IConvertible conversions every primitive implements explicitly (`Name` then target type).
const CONVERTIBLE: &[(&str, &str)] = &[
    ("ToBoolean", "bool"),
    ("ToByte", "byte"),
    ("ToChar", "char"),
    ("ToDateTime", "datetime"),
    ("ToDecimal", "decimal"),
    ("ToDouble", "double"),
    ("ToInt16", "int16"),
    ("ToInt32", "int"),
    ("ToInt64", "long"),
    ("ToSByte", "sbyte"),
    ("ToSingle", "float"),
    ("ToType", ""),
    ("ToUInt16", "uint16"),
    ("ToUInt32", "uint32"),
    ("ToUInt64", "uint64"),
];

/// The explicit IConvertible lines, less those the type declares itself (`skip`).
fn convertible(skip: &[&str]) -> String {
    let mut s = String::new();
    for (name, ty) in CONVERTIBLE {
        if skip.contains(name) {
            continue;
        }
        if ty.is_empty() {
            s.push_str(
                "M ToType System.Object IConvertible.ToType(type conversionType, System.IFormatProvider provider)\n",
            );
        } else {
            s.push_str(&format!("M {name} {ty} IConvertible.{name}(System.IFormatProvider provider)\n"));
        }
    }
    s
}

const STRING: &str = "\
M Clone System.Object Clone(), System.Object ICloneable.Clone()
M CompareTo int CompareTo(System.Object value), int CompareTo(string strB), int IComparable.CompareTo(System.Object obj), int IComparable[string].CompareTo(string other)
M Contains bool Contains(string value)
M CopyTo void CopyTo(int sourceIndex, char[] destination, int destinationIndex, int count)
M EndsWith bool EndsWith(string value), bool EndsWith(string value, System.StringComparison comparisonType), bool EndsWith(string value, bool ignoreCase, cultureinfo culture)
M Equals bool Equals(System.Object obj), bool Equals(string value), bool Equals(string value, System.StringComparison comparisonType), bool IEquatable[string].Equals(string other)
M GetEnumerator System.CharEnumerator GetEnumerator(), System.Collections.IEnumerator IEnumerable.GetEnumerator(), System.Collections.Generic.IEnumerator[char] IEnumerable[char].GetEnumerator()
M GetHashCode int GetHashCode()
M GetType type GetType()
M GetTypeCode System.TypeCode GetTypeCode(), System.TypeCode IConvertible.GetTypeCode()
M IndexOf int IndexOf(char value), int IndexOf(char value, int startIndex), int IndexOf(string value), int IndexOf(string value, int startIndex), int IndexOf(string value, int startIndex, int count), int IndexOf(string value, System.StringComparison comparisonType), int IndexOf(string value, int startIndex, System.StringComparison comparisonType), int IndexOf(string value, int startIndex, int count, System.StringComparison comparisonType), int IndexOf(char value, int startIndex, int count)
M IndexOfAny int IndexOfAny(char[] anyOf), int IndexOfAny(char[] anyOf, int startIndex), int IndexOfAny(char[] anyOf, int startIndex, int count)
M Insert string Insert(int startIndex, string value)
M IsNormalized bool IsNormalized(), bool IsNormalized(System.Text.NormalizationForm normalizationForm)
M LastIndexOf int LastIndexOf(char value), int LastIndexOf(char value, int startIndex), int LastIndexOf(string value), int LastIndexOf(string value, int startIndex), int LastIndexOf(string value, int startIndex, int count), int LastIndexOf(string value, System.StringComparison comparisonType), int LastIndexOf(string value, int startIndex, System.StringComparison comparisonType), int LastIndexOf(string value, int startIndex, int count, System.StringComparison comparisonType), int LastIndexOf(char value, int startIndex, int count)
M LastIndexOfAny int LastIndexOfAny(char[] anyOf), int LastIndexOfAny(char[] anyOf, int startIndex), int LastIndexOfAny(char[] anyOf, int startIndex, int count)
M Normalize string Normalize(), string Normalize(System.Text.NormalizationForm normalizationForm)
M PadLeft string PadLeft(int totalWidth), string PadLeft(int totalWidth, char paddingChar)
M PadRight string PadRight(int totalWidth), string PadRight(int totalWidth, char paddingChar)
M Remove string Remove(int startIndex, int count), string Remove(int startIndex)
M Replace string Replace(char oldChar, char newChar), string Replace(string oldValue, string newValue)
M Split string[] Split(Params char[] separator), string[] Split(char[] separator, int count), string[] Split(char[] separator, System.StringSplitOptions options), string[] Split(char[] separator, int count, System.StringSplitOptions options), string[] Split(string[] separator, System.StringSplitOptions options), string[] Split(string[] separator, int count, System.StringSplitOptions options)
M StartsWith bool StartsWith(string value), bool StartsWith(string value, System.StringComparison comparisonType), bool StartsWith(string value, bool ignoreCase, cultureinfo culture)
M Substring string Substring(int startIndex), string Substring(int startIndex, int length)
M ToCharArray char[] ToCharArray(), char[] ToCharArray(int startIndex, int length)
M ToLower string ToLower(), string ToLower(cultureinfo culture)
M ToLowerInvariant string ToLowerInvariant()
M ToString string ToString(), string ToString(System.IFormatProvider provider), string IConvertible.ToString(System.IFormatProvider provider)
M ToUpper string ToUpper(), string ToUpper(cultureinfo culture)
M ToUpperInvariant string ToUpperInvariant()
M Trim string Trim(Params char[] trimChars), string Trim()
M TrimEnd string TrimEnd(Params char[] trimChars)
M TrimStart string TrimStart(Params char[] trimChars)
PP Chars char Chars(int index) {get;}
P Length int Length {get;}
";

/// Int32, Int64 and Double share their shape; `{t}` is the short name.
const NUMBER: &str = "\
M CompareTo int CompareTo(System.Object value), int CompareTo({t} value), int IComparable.CompareTo(System.Object obj), int IComparable[{t}].CompareTo({t} other)
M Equals bool Equals(System.Object obj), bool Equals({t} obj), bool IEquatable[{t}].Equals({t} other)
M GetHashCode int GetHashCode()
M GetType type GetType()
M GetTypeCode System.TypeCode GetTypeCode(), System.TypeCode IConvertible.GetTypeCode()
M ToString string ToString(), string ToString(string format), string ToString(System.IFormatProvider provider), string ToString(string format, System.IFormatProvider provider), string IFormattable.ToString(string format, System.IFormatProvider formatProvider), string IConvertible.ToString(System.IFormatProvider provider)
";

const BOOLEAN: &str = "\
M CompareTo int CompareTo(System.Object obj), int CompareTo(bool value), int IComparable.CompareTo(System.Object obj), int IComparable[bool].CompareTo(bool other)
M Equals bool Equals(System.Object obj), bool Equals(bool obj), bool IEquatable[bool].Equals(bool other)
M GetHashCode int GetHashCode()
M GetType type GetType()
M GetTypeCode System.TypeCode GetTypeCode(), System.TypeCode IConvertible.GetTypeCode()
M ToString string ToString(), string ToString(System.IFormatProvider provider), string IConvertible.ToString(System.IFormatProvider provider)
";

const DATETIME: &str = "\
M Add datetime Add(timespan value)
M AddDays datetime AddDays(double value)
M AddHours datetime AddHours(double value)
M AddMilliseconds datetime AddMilliseconds(double value)
M AddMinutes datetime AddMinutes(double value)
M AddMonths datetime AddMonths(int months)
M AddSeconds datetime AddSeconds(double value)
M AddTicks datetime AddTicks(long value)
M AddYears datetime AddYears(int value)
M CompareTo int CompareTo(System.Object value), int CompareTo(datetime value), int IComparable.CompareTo(System.Object obj), int IComparable[datetime].CompareTo(datetime other)
M Equals bool Equals(datetime value), bool Equals(System.Object value), bool IEquatable[datetime].Equals(datetime other)
M GetDateTimeFormats string[] GetDateTimeFormats(), string[] GetDateTimeFormats(System.IFormatProvider provider), string[] GetDateTimeFormats(char format), string[] GetDateTimeFormats(char format, System.IFormatProvider provider)
M GetHashCode int GetHashCode()
M GetObjectData void ISerializable.GetObjectData(System.Runtime.Serialization.SerializationInfo info, System.Runtime.Serialization.StreamingContext context)
M GetType type GetType()
M GetTypeCode System.TypeCode GetTypeCode(), System.TypeCode IConvertible.GetTypeCode()
M IsDaylightSavingTime bool IsDaylightSavingTime()
M Subtract timespan Subtract(datetime value), datetime Subtract(timespan value)
M ToBinary long ToBinary()
M ToFileTime long ToFileTime()
M ToFileTimeUtc long ToFileTimeUtc()
M ToLocalTime datetime ToLocalTime()
M ToLongDateString string ToLongDateString()
M ToLongTimeString string ToLongTimeString()
M ToOADate double ToOADate()
M ToShortDateString string ToShortDateString()
M ToShortTimeString string ToShortTimeString()
M ToString string ToString(), string ToString(string format), string ToString(System.IFormatProvider provider), string ToString(string format, System.IFormatProvider provider), string IFormattable.ToString(string format, System.IFormatProvider formatProvider), string IConvertible.ToString(System.IFormatProvider provider)
M ToUniversalTime datetime ToUniversalTime()
P Date datetime Date {get;}
P Day int Day {get;}
P DayOfWeek System.DayOfWeek DayOfWeek {get;}
P DayOfYear int DayOfYear {get;}
P Hour int Hour {get;}
P Kind System.DateTimeKind Kind {get;}
P Millisecond int Millisecond {get;}
P Minute int Minute {get;}
P Month int Month {get;}
P Second int Second {get;}
P Ticks long Ticks {get;}
P TimeOfDay timespan TimeOfDay {get;}
P Year int Year {get;}
SP DateTime System.Object DateTime {get=if ((& { Set-StrictMode -Version 1; $this.DisplayHint }) -ieq  \"Date\")…
";

const OBJECT_ARRAY: &str = "\
AP Count Count = Length
M Add int IList.Add(System.Object value)
M Address System.Object&, mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089 Address(int )
M Clear void IList.Clear()
M Clone System.Object Clone(), System.Object ICloneable.Clone()
M CompareTo int IStructuralComparable.CompareTo(System.Object other, System.Collections.IComparer comparer)
M Contains bool IList.Contains(System.Object value)
M CopyTo void CopyTo(array array, int index), void CopyTo(array array, long index), void ICollection.CopyTo(array array, int index)
M Equals bool Equals(System.Object obj), bool IStructuralEquatable.Equals(System.Object other, System.Collections.IEqualityComparer comparer)
M Get System.Object Get(int )
M GetEnumerator System.Collections.IEnumerator GetEnumerator(), System.Collections.IEnumerator IEnumerable.GetEnumerator()
M GetHashCode int GetHashCode(), int IStructuralEquatable.GetHashCode(System.Collections.IEqualityComparer comparer)
M GetLength int GetLength(int dimension)
M GetLongLength long GetLongLength(int dimension)
M GetLowerBound int GetLowerBound(int dimension)
M GetType type GetType()
M GetUpperBound int GetUpperBound(int dimension)
M GetValue System.Object GetValue(Params int[] indices), System.Object GetValue(int index), System.Object GetValue(int index1, int index2), System.Object GetValue(int index1, int index2, int index3), System.Object GetValue(long index), System.Object GetValue(long index1, long index2), System.Object GetValue(long index1, long index2, long index3), System.Object GetValue(Params long[] indices)
M IndexOf int IList.IndexOf(System.Object value)
M Initialize void Initialize()
M Insert void IList.Insert(int index, System.Object value)
M Remove void IList.Remove(System.Object value)
M RemoveAt void IList.RemoveAt(int index)
M Set void Set(int , System.Object )
M SetValue void SetValue(System.Object value, int index), void SetValue(System.Object value, int index1, int index2), void SetValue(System.Object value, int index1, int index2, int index3), void SetValue(System.Object value, Params int[] indices), void SetValue(System.Object value, long index), void SetValue(System.Object value, long index1, long index2), void SetValue(System.Object value, long index1, long index2, long index3), void SetValue(System.Object value, Params long[] indices)
M ToString string ToString()
PP Item System.Object IList.Item(int index) {get;set;}
P IsFixedSize bool IsFixedSize {get;}
P IsReadOnly bool IsReadOnly {get;}
P IsSynchronized bool IsSynchronized {get;}
P Length int Length {get;}
P LongLength long LongLength {get;}
P Rank int Rank {get;}
P SyncRoot System.Object SyncRoot {get;}
";

const ARRAY_LIST: &str = "\
M Add int Add(System.Object value), int IList.Add(System.Object value)
M AddRange void AddRange(System.Collections.ICollection c)
M BinarySearch int BinarySearch(int index, int count, System.Object value, System.Collections.IComparer comparer), int BinarySearch(System.Object value), int BinarySearch(System.Object value, System.Collections.IComparer comparer)
M Clear void Clear(), void IList.Clear()
M Clone System.Object Clone(), System.Object ICloneable.Clone()
M Contains bool Contains(System.Object item), bool IList.Contains(System.Object value)
M CopyTo void CopyTo(array array), void CopyTo(array array, int arrayIndex), void CopyTo(int index, array array, int arrayIndex, int count), void ICollection.CopyTo(array array, int index)
M Equals bool Equals(System.Object obj)
M GetEnumerator System.Collections.IEnumerator GetEnumerator(), System.Collections.IEnumerator GetEnumerator(int index, int count), System.Collections.IEnumerator IEnumerable.GetEnumerator()
M GetHashCode int GetHashCode()
M GetRange System.Collections.ArrayList GetRange(int index, int count)
M GetType type GetType()
M IndexOf int IndexOf(System.Object value), int IndexOf(System.Object value, int startIndex), int IndexOf(System.Object value, int startIndex, int count), int IList.IndexOf(System.Object value)
M Insert void Insert(int index, System.Object value), void IList.Insert(int index, System.Object value)
M InsertRange void InsertRange(int index, System.Collections.ICollection c)
M LastIndexOf int LastIndexOf(System.Object value), int LastIndexOf(System.Object value, int startIndex), int LastIndexOf(System.Object value, int startIndex, int count)
M Remove void Remove(System.Object obj), void IList.Remove(System.Object value)
M RemoveAt void RemoveAt(int index), void IList.RemoveAt(int index)
M RemoveRange void RemoveRange(int index, int count)
M Reverse void Reverse(), void Reverse(int index, int count)
M SetRange void SetRange(int index, System.Collections.ICollection c)
M Sort void Sort(), void Sort(System.Collections.IComparer comparer), void Sort(int index, int count, System.Collections.IComparer comparer)
M ToArray System.Object[] ToArray(), array ToArray(type type)
M ToString string ToString()
M TrimToSize void TrimToSize()
PP Item System.Object Item(int index) {get;set;}
P Capacity int Capacity {get;set;}
P Count int Count {get;}
P IsFixedSize bool IsFixedSize {get;}
P IsReadOnly bool IsReadOnly {get;}
P IsSynchronized bool IsSynchronized {get;}
P SyncRoot System.Object SyncRoot {get;}
";

const HASHTABLE: &str = "\
M Add void Add(System.Object key, System.Object value), void IDictionary.Add(System.Object key, System.Object value)
M Clear void Clear(), void IDictionary.Clear()
M Clone System.Object Clone(), System.Object ICloneable.Clone()
M Contains bool Contains(System.Object key), bool IDictionary.Contains(System.Object key)
M ContainsKey bool ContainsKey(System.Object key)
M ContainsValue bool ContainsValue(System.Object value)
M CopyTo void CopyTo(array array, int arrayIndex), void ICollection.CopyTo(array array, int index)
M Equals bool Equals(System.Object obj)
M GetEnumerator System.Collections.IDictionaryEnumerator GetEnumerator(), System.Collections.IDictionaryEnumerator IDictionary.GetEnumerator(), System.Collections.IEnumerator IEnumerable.GetEnumerator()
M GetHashCode int GetHashCode()
M GetObjectData void GetObjectData(System.Runtime.Serialization.SerializationInfo info, System.Runtime.Serialization.StreamingContext context), void ISerializable.GetObjectData(System.Runtime.Serialization.SerializationInfo info, System.Runtime.Serialization.StreamingContext context)
M GetType type GetType()
M OnDeserialization void OnDeserialization(System.Object sender), void IDeserializationCallback.OnDeserialization(System.Object sender)
M Remove void Remove(System.Object key), void IDictionary.Remove(System.Object key)
M ToString string ToString()
PP Item System.Object Item(System.Object key) {get;set;}
P Count int Count {get;}
P IsFixedSize bool IsFixedSize {get;}
P IsReadOnly bool IsReadOnly {get;}
P IsSynchronized bool IsSynchronized {get;}
P Keys System.Collections.ICollection Keys {get;}
P SyncRoot System.Object SyncRoot {get;}
P Values System.Collections.ICollection Values {get;}
";

const SCRIPT_BLOCK: &str = "\
M CheckRestrictedLanguage void CheckRestrictedLanguage(System.Collections.Generic.IEnumerable[string] allowedCommands, System.Collections.Generic.IEnumerable[string] allowedVariables, bool allowEnvironmentVariables)
M Equals bool Equals(System.Object obj)
M GetHashCode int GetHashCode()
M GetNewClosure scriptblock GetNewClosure()
M GetObjectData void GetObjectData(System.Runtime.Serialization.SerializationInfo info, System.Runtime.Serialization.StreamingContext context), void ISerializable.GetObjectData(System.Runtime.Serialization.SerializationInfo info, System.Runtime.Serialization.StreamingContext context)
M GetPowerShell powershell GetPowerShell(Params System.Object[] args), powershell GetPowerShell(hashtable variables, Params System.Object[] args), powershell GetPowerShell(hashtable variables, [ref] hashtable suppliedVariables, Params System.Object[] args), powershell GetPowerShell(bool isTrustedInput, Params System.Object[] args), powershell GetPowerShell(bool isTrustedInput, hashtable variables, Params System.Object[] args), powershell GetPowerShell(bool isTrustedInput, hashtable variables, [ref] hashtable suppliedVariables, Params System.Object[] args)
M GetSteppablePipeline System.Management.Automation.SteppablePipeline GetSteppablePipeline(), System.Management.Automation.SteppablePipeline GetSteppablePipeline(System.Management.Automation.CommandOrigin commandOrigin), System.Management.Automation.SteppablePipeline GetSteppablePipeline(System.Management.Automation.CommandOrigin commandOrigin, System.Object[] args)
M GetType type GetType()
M Invoke System.Collections.ObjectModel.Collection[psobject] Invoke(Params System.Object[] args)
M InvokeReturnAsIs System.Object InvokeReturnAsIs(Params System.Object[] args)
M InvokeWithContext System.Collections.ObjectModel.Collection[psobject] InvokeWithContext(System.Collections.IDictionary functionsToDefine, System.Collections.Generic.List[psvariable] variablesToDefine, Params System.Object[] args), System.Collections.ObjectModel.Collection[psobject] InvokeWithContext(System.Collections.Generic.Dictionary[string,scriptblock] functionsToDefine, System.Collections.Generic.List[psvariable] variablesToDefine, Params System.Object[] args)
M ToString string ToString()
P Ast System.Management.Automation.Language.Ast Ast {get;}
P Attributes System.Collections.Generic.List[System.Attribute] Attributes {get;}
P DebuggerHidden bool DebuggerHidden {get;set;}
P File string File {get;}
P Id guid Id {get;}
P IsConfiguration bool IsConfiguration {get;set;}
P IsFilter bool IsFilter {get;set;}
P Module psmoduleinfo Module {get;}
P StartPosition System.Management.Automation.PSToken StartPosition {get;}
";

const GUID: &str = "\
M CompareTo int CompareTo(System.Object value), int CompareTo(guid value), int IComparable.CompareTo(System.Object obj), int IComparable[guid].CompareTo(guid other)
M Equals bool Equals(System.Object o), bool Equals(guid g), bool IEquatable[guid].Equals(guid other)
M GetHashCode int GetHashCode()
M GetType type GetType()
M ToByteArray byte[] ToByteArray()
M ToString string ToString(), string ToString(string format), string ToString(string format, System.IFormatProvider provider), string IFormattable.ToString(string format, System.IFormatProvider formatProvider)
";

const TIMESPAN: &str = "\
M Add timespan Add(timespan ts)
M CompareTo int CompareTo(System.Object value), int CompareTo(timespan value), int IComparable.CompareTo(System.Object obj), int IComparable[timespan].CompareTo(timespan other)
M Duration timespan Duration()
M Equals bool Equals(System.Object value), bool Equals(timespan obj), bool IEquatable[timespan].Equals(timespan other)
M GetHashCode int GetHashCode()
M GetType type GetType()
M Negate timespan Negate()
M Subtract timespan Subtract(timespan ts)
M ToString string ToString(), string ToString(string format), string ToString(string format, System.IFormatProvider formatProvider), string IFormattable.ToString(string format, System.IFormatProvider formatProvider)
P Days int Days {get;}
P Hours int Hours {get;}
P Milliseconds int Milliseconds {get;}
P Minutes int Minutes {get;}
P Seconds int Seconds {get;}
P Ticks long Ticks {get;}
P TotalDays double TotalDays {get;}
P TotalHours double TotalHours {get;}
P TotalMilliseconds double TotalMilliseconds {get;}
P TotalMinutes double TotalMinutes {get;}
P TotalSeconds double TotalSeconds {get;}
";

/// The four methods every object has from System.Object (PSCustomObject, script classes).
pub const OBJECT: &str = "\
M Equals bool Equals(System.Object obj)
M GetHashCode int GetHashCode()
M GetType type GetType()
M ToString string ToString()
";

/// A `Deserialized.` property bag's methods (inferred: the PowerShell team's remoting post says
/// they expose no methods except ToString; GetType is every object's).
pub const DESERIALIZED: &str = "\
M GetType type GetType()
M ToString string ToString(), string ToString(string format, System.IFormatProvider formatProvider), string IFormattable.ToString(string format, System.IFormatProvider formatProvider)
";

/// The member lines of a .NET type exsh models, by full type name.
pub fn members_of(type_name: &str) -> Option<String> {
    Some(match type_name {
        "System.String" => {
            let mut s = STRING.to_string();
            // The IConvertible conversions sort in among the methods.
            s.push_str(&convertible(&[]));
            s
        }
        "System.Int32" => NUMBER.replace("{t}", "int") + &convertible(&[]),
        "System.Int64" => NUMBER.replace("{t}", "long") + &convertible(&[]),
        "System.Double" => NUMBER.replace("{t}", "double") + &convertible(&[]),
        "System.Boolean" => BOOLEAN.to_string() + &convertible(&[]),
        "System.DateTime" => DATETIME.to_string() + &convertible(&[]),
        "System.Object[]" => OBJECT_ARRAY.to_string(),
        "System.Collections.ArrayList" => ARRAY_LIST.to_string(),
        "System.Collections.Hashtable" => HASHTABLE.to_string(),
        "System.Management.Automation.ScriptBlock" => SCRIPT_BLOCK.to_string(),
        "System.Guid" => GUID.to_string(),
        "System.TimeSpan" => TIMESPAN.to_string(),
        _ => return None,
    })
}

/// The static members `Get-Member -Static` lists, for the types exsh has them for.
pub fn static_members_of(type_name: &str) -> Option<&'static str> {
    Some(match type_name {
        "System.String" => STRING_STATIC,
        "System.Int32" => INT32_STATIC,
        _ => return None,
    })
}

const STRING_STATIC: &str = "\
M Compare static int Compare(string strA, string strB), static int Compare(string strA, string strB, bool ignoreCase), static int Compare(string strA, string strB, System.StringComparison comparisonType), static int Compare(string strA, string strB, cultureinfo culture, System.Globalization.CompareOptions options), static int Compare(string strA, string strB, bool ignoreCase, cultureinfo culture), static int Compare(string strA, int indexA, string strB, int indexB, int length), static int Compare(string strA, int indexA, string strB, int indexB, int length, bool ignoreCase), static int Compare(string strA, int indexA, string strB, int indexB, int length, bool ignoreCase, cultureinfo culture), static int Compare(string strA, int indexA, string strB, int indexB, int length, cultureinfo culture, System.Globalization.CompareOptions options), static int Compare(string strA, int indexA, string strB, int indexB, int length, System.StringComparison comparisonType)
M CompareOrdinal static int CompareOrdinal(string strA, string strB), static int CompareOrdinal(string strA, int indexA, string strB, int indexB, int length)
M Concat static string Concat(System.Object arg0), static string Concat(System.Object arg0, System.Object arg1), static string Concat(System.Object arg0, System.Object arg1, System.Object arg2), static string Concat(System.Object arg0, System.Object arg1, System.Object arg2, System.Object arg3), static string Concat(Params System.Object[] args), static string Concat(System.Collections.Generic.IEnumerable[string] values), static string Concat(string str0, string str1), static string Concat(string str0, string str1, string str2), static string Concat(string str0, string str1, string str2, string str3), static string Concat(Params string[] values), static string Concat[T](System.Collections.Generic.IEnumerable[T] values)
M Copy static string Copy(string str)
M Equals static bool Equals(string a, string b), static bool Equals(string a, string b, System.StringComparison comparisonType), static bool Equals(System.Object objA, System.Object objB)
M Format static string Format(string format, System.Object arg0), static string Format(string format, System.Object arg0, System.Object arg1), static string Format(string format, System.Object arg0, System.Object arg1, System.Object arg2), static string Format(string format, Params System.Object[] args), static string Format(System.IFormatProvider provider, string format, System.Object arg0), static string Format(System.IFormatProvider provider, string format, System.Object arg0, System.Object arg1), static string Format(System.IFormatProvider provider, string format, System.Object arg0, System.Object arg1, System.Object arg2), static string Format(System.IFormatProvider provider, string format, Params System.Object[] args)
M Intern static string Intern(string str)
M IsInterned static string IsInterned(string str)
M IsNullOrEmpty static bool IsNullOrEmpty(string value)
M IsNullOrWhiteSpace static bool IsNullOrWhiteSpace(string value)
M Join static string Join(string separator, Params string[] value), static string Join(string separator, Params System.Object[] values), static string Join[T](string separator, System.Collections.Generic.IEnumerable[T] values), static string Join(string separator, System.Collections.Generic.IEnumerable[string] values), static string Join(string separator, string[] value, int startIndex, int count)
M new string new(System.Char*, mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089 value), string new(System.Char*, mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089 value, int startIndex, int length), string new(System.SByte*, mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089 value), string new(System.SByte*, mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089 value, int startIndex, int length), string new(System.SByte*, mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089 value, int startIndex, int length, System.Text.Encoding enc), string new(char[] value, int startIndex, int length), string new(char[] value), string new(char c, int count)
M ReferenceEquals static bool ReferenceEquals(System.Object objA, System.Object objB)
P Empty static string Empty {get;}
";

const INT32_STATIC: &str = "\
M Equals static bool Equals(System.Object objA, System.Object objB)
M Parse static int Parse(string s), static int Parse(string s, System.Globalization.NumberStyles style), static int Parse(string s, System.IFormatProvider provider), static int Parse(string s, System.Globalization.NumberStyles style, System.IFormatProvider provider)
M ReferenceEquals static bool ReferenceEquals(System.Object objA, System.Object objB)
M TryParse static bool TryParse(string s, [ref] int result), static bool TryParse(string s, System.Globalization.NumberStyles style, System.IFormatProvider provider, [ref] int result)
P MaxValue static int MaxValue {get;}
P MinValue static int MinValue {get;}
";
