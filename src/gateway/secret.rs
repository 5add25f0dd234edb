//! The merchant's secret: held so that it neither prints nor serializes, and is wiped from
//! memory when dropped.

use zeroize::Zeroizing;

/// A gateway secret (VNPAY's hash secret, MoMo's secret key, ZaloPay's key1 and key2).
///
/// `Debug` writes `***`; there is no `Display` and no `Serialize`; the bytes are zeroed when
/// the value is dropped ([`zeroize`]). Only the signing code of this module reads it.
///
/// ```
/// use vietref::gateway::Secret;
/// let s = Secret::new("K951B6PE1waDMi640xX08PD3vg6EkVlz");
/// assert_eq!(format!("{s:?}"), "***");
/// ```
pub struct Secret(Zeroizing<Vec<u8>>);

impl Secret {
    /// A secret from its text (copied; the caller's copy is the caller's to wipe).
    pub fn new(s: impl AsRef<[u8]>) -> Secret {
        Secret(Zeroizing::new(s.as_ref().to_vec()))
    }

    /// A secret read from a file: the file's content without the line break(s) at its end.
    pub fn from_file(path: impl AsRef<std::path::Path>) -> std::io::Result<Secret> {
        let mut bytes = Zeroizing::new(std::fs::read(path)?);
        while matches!(bytes.last(), Some(b'\n' | b'\r')) {
            bytes.pop();
        }
        Ok(Secret(bytes))
    }

    /// A secret read from an environment variable; `Err` says why not (unset, not UTF-8).
    pub fn from_env(name: &str) -> Result<Secret, String> {
        match std::env::var_os(name) {
            None => Err(format!("the environment variable {name} is not set")),
            Some(v) => {
                let v = Zeroizing::new(v.into_encoded_bytes());
                Ok(Secret::new(&*v))
            }
        }
    }

    /// Whether the secret is empty (an empty key signs nothing worth trusting).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub(crate) fn bytes(&self) -> &[u8] {
        &self.0
    }
}

impl Clone for Secret {
    fn clone(&self) -> Secret {
        Secret(Zeroizing::new(self.0.to_vec()))
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("***")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_hides_the_secret_and_file_reading_drops_the_line_break() {
        let s = Secret::new("topsecret");
        assert_eq!(format!("{s:?}"), "***");
        assert_eq!(format!("{:?}", Some(s.clone())), "Some(***)");
        let dir = std::env::temp_dir().join(format!("vietref-secret-{}", std::process::id()));
        std::fs::write(&dir, "abc\r\n").unwrap();
        let f = Secret::from_file(&dir).unwrap();
        std::fs::remove_file(&dir).unwrap();
        assert_eq!(f.bytes(), b"abc");
        assert!(Secret::from_env("VIETREF_SURELY_UNSET_VARIABLE").is_err());
    }
}
