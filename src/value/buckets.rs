//! The bucket array of a .NET Framework `System.Collections.Hashtable`, kept beside exsh's own map
//! so that an unordered hashtable enumerates the way Windows PowerShell 5.1's does: buckets from
//! the last to the first (docs/reference/types.md §6).
//!
//! Double hashing over a prime number of buckets: a key starts at `hash % size` and steps by
//! `1 + (hash * 101) % (size - 1)`; a bucket a probe passed over gets the collision bit; a removed
//! key whose bucket has that bit leaves a tombstone; the table grows to the smallest prime of the
//! table below at least twice its size once the count reaches 0.72 of the size.

/// HashHelpers.primes.
const PRIMES: [usize; 72] = [
    3, 7, 11, 17, 23, 29, 37, 47, 59, 71, 89, 107, 131, 163, 197, 239, 293, 353, 431, 521, 631, 761, 919, 1103, 1327,
    1597, 1931, 2333, 2801, 3371, 4049, 4861, 5839, 7013, 8419, 10103, 12143, 14591, 17519, 21023, 25229, 30293, 36353,
    43627, 52361, 62851, 75431, 90523, 108631, 130363, 156437, 187751, 225307, 270371, 324449, 389357, 467237, 560689,
    672827, 807403, 968897, 1162687, 1395263, 1674319, 2009191, 2411033, 2893249, 3471899, 4166287, 4999559, 5999471,
    7199369,
];
const HASH_PRIME: u32 = 101;
const INITIAL_SIZE: usize = 3;
const LOAD_FACTOR: f32 = 0.72;
const COLLISION: u32 = 0x8000_0000;

fn is_prime(n: usize) -> bool {
    if n & 1 == 0 {
        return n == 2;
    }
    let mut d = 3;
    while d * d <= n {
        if n.is_multiple_of(d) {
            return false;
        }
        d += 2;
    }
    true
}

/// HashHelpers.GetPrime.
fn get_prime(min: usize) -> usize {
    if let Some(p) = PRIMES.iter().find(|p| **p >= min) {
        return *p;
    }
    let mut i = min | 1;
    while i < i32::MAX as usize {
        if is_prime(i) && !(i - 1).is_multiple_of(HASH_PRIME as usize) {
            return i;
        }
        i += 2;
    }
    min
}

#[derive(Clone, Debug, PartialEq)]
enum Slot {
    Empty,
    /// A key that was removed from a bucket with the collision bit (`key == buckets` in .NET).
    Removed,
    Key(String),
}

#[derive(Clone, Debug)]
struct Bucket {
    slot: Slot,
    /// The hash code (low 31 bits) and the collision bit.
    hash_coll: u32,
}

/// The bucket layout of one hashtable; keys are exsh's map keys.
#[derive(Clone, Debug)]
pub struct Buckets {
    buckets: Vec<Bucket>,
    count: usize,
    occupancy: usize,
    loadsize: usize,
}

impl Buckets {
    /// `new Hashtable(capacity)`.
    pub fn with_capacity(capacity: usize) -> Buckets {
        let raw = capacity as f32 / LOAD_FACTOR;
        let size = if raw > INITIAL_SIZE as f32 { get_prime(raw as usize) } else { INITIAL_SIZE };
        Buckets::sized(size)
    }

    fn sized(size: usize) -> Buckets {
        Buckets {
            buckets: vec![Bucket { slot: Slot::Empty, hash_coll: 0 }; size],
            count: 0,
            occupancy: 0,
            loadsize: (LOAD_FACTOR * size as f32) as usize,
        }
    }

    fn steps(hash: u32, size: usize) -> (usize, usize) {
        let size32 = size as u32;
        let incr = 1 + (hash.wrapping_mul(HASH_PRIME) % (size32 - 1));
        ((hash % size32) as usize, incr as usize)
    }

    /// Records a key that is not in the table yet (`Insert` for a new key).
    pub fn insert(&mut self, key: &str, hash: i32) {
        if self.count >= self.loadsize {
            let doubled = self.buckets.len() * 2;
            self.rehash(if doubled > 0x7FEF_FFFD { 0x7FEF_FFFD } else { get_prime(doubled) });
        } else if self.occupancy > self.loadsize && self.count > 100 {
            self.rehash(self.buckets.len());
        }
        let hash = (hash as u32) & 0x7FFF_FFFF;
        let size = self.buckets.len();
        let (mut bn, incr) = Self::steps(hash, size);
        let mut empty: Option<usize> = None;
        for _ in 0..size {
            let b = &mut self.buckets[bn];
            if empty.is_none() && b.slot == Slot::Removed && b.hash_coll & COLLISION != 0 {
                empty = Some(bn);
            }
            let free = b.slot == Slot::Empty || (b.slot == Slot::Removed && b.hash_coll & COLLISION == 0);
            if free {
                let at = empty.unwrap_or(bn);
                self.put(at, key, hash);
                return;
            }
            if empty.is_none() && b.hash_coll & COLLISION == 0 {
                b.hash_coll |= COLLISION;
                self.occupancy += 1;
            }
            bn = (bn + incr) % size;
        }
        if let Some(at) = empty {
            self.put(at, key, hash);
        }
    }

    fn put(&mut self, at: usize, key: &str, hash: u32) {
        let b = &mut self.buckets[at];
        b.slot = Slot::Key(key.to_string());
        b.hash_coll |= hash;
        self.count += 1;
    }

    fn rehash(&mut self, size: usize) {
        let old = std::mem::take(&mut self.buckets);
        *self = Buckets::sized(size);
        for b in old {
            let Slot::Key(key) = b.slot else { continue };
            let hash = b.hash_coll & 0x7FFF_FFFF;
            let (mut bn, incr) = Self::steps(hash, size);
            loop {
                let nb = &mut self.buckets[bn];
                if nb.slot == Slot::Empty || nb.slot == Slot::Removed {
                    nb.slot = Slot::Key(key);
                    nb.hash_coll |= hash;
                    break;
                }
                if nb.hash_coll & COLLISION == 0 {
                    nb.hash_coll |= COLLISION;
                    self.occupancy += 1;
                }
                bn = (bn + incr) % size;
            }
            self.count += 1;
        }
    }

    /// `Remove` of a key that is in the table.
    pub fn remove(&mut self, key: &str, hash: i32) {
        let hash = (hash as u32) & 0x7FFF_FFFF;
        let size = self.buckets.len();
        let (mut bn, incr) = Self::steps(hash, size);
        for _ in 0..size {
            let b = &mut self.buckets[bn];
            if b.hash_coll & 0x7FFF_FFFF == hash && matches!(&b.slot, Slot::Key(k) if k == key) {
                b.hash_coll &= COLLISION;
                b.slot = if b.hash_coll != 0 { Slot::Removed } else { Slot::Empty };
                self.count -= 1;
                return;
            }
            if b.hash_coll & COLLISION == 0 {
                return;
            }
            bn = (bn + incr) % size;
        }
    }

    /// `Clear`: every bucket empty, the size kept.
    pub fn clear(&mut self) {
        *self = Buckets::sized(self.buckets.len());
    }

    /// The keys in enumeration order: the last bucket first.
    pub fn order(&self) -> impl Iterator<Item = &str> {
        self.buckets.iter().rev().filter_map(|b| match &b.slot {
            Slot::Key(k) => Some(k.as_str()),
            _ => None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::nls::culture_ignore_case_hash;

    fn order_of(capacity: usize, keys: &[&str]) -> Vec<String> {
        let mut b = Buckets::with_capacity(capacity);
        for k in keys {
            b.insert(k, culture_ignore_case_hash(k));
        }
        b.order().map(str::to_string).collect()
    }

    #[test]
    fn sizes_follow_capacity_and_load_factor() {
        assert_eq!(Buckets::with_capacity(0).buckets.len(), 3);
        assert_eq!(Buckets::with_capacity(3).buckets.len(), 7);
        assert_eq!(Buckets::with_capacity(9).buckets.len(), 17);
        assert_eq!(Buckets::with_capacity(3).loadsize, 5);
        assert_eq!(get_prime(7_199_370), 7_199_371);
    }

    #[test]
    fn nine_keys_enumerate_as_windows_powershell_does() {
        // PowerShell/PowerShell#13566: test1..test9 join as this in Windows PowerShell 5.1.
        let keys: Vec<String> = (1..=9).map(|i| format!("test{i}")).collect();
        let refs: Vec<&str> = keys.iter().map(String::as_str).collect();
        let want = "test7test9test3test2test1test4test6test5test8";
        assert_eq!(order_of(9, &refs).concat(), want);
        // Built up from an empty table (growing 3 -> 7 -> 17) the order is the same.
        assert_eq!(order_of(0, &refs).concat(), want);
    }

    #[test]
    fn removal_leaves_a_tombstone_that_is_reused() {
        let mut b = Buckets::with_capacity(0);
        // Force a collision: both hash to bucket 0 of 3.
        b.insert("x", 3);
        b.insert("y", 6);
        assert_eq!(b.order().collect::<Vec<_>>(), vec!["y", "x"]);
        b.remove("x", 3);
        assert_eq!(b.buckets[0].slot, Slot::Removed);
        b.insert("z", 0);
        assert_eq!(b.buckets[0].slot, Slot::Key("z".into()));
        assert_eq!(b.count, 2);
    }
}
