//! URI references (RFC 3986) as `$id` and `$ref` use them: parsing, resolving
//! a reference against a base, and splitting off the fragment.

use std::fmt;

/// An absolute URI or a URN; kept as its parts so resolution is exact.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Uri {
    scheme: Option<String>,
    authority: Option<String>,
    path: String,
    query: Option<String>,
    fragment: Option<String>,
}

impl Uri {
    /// Splits `s` into its parts (RFC 3986 appendix B); never fails.
    pub fn parse(s: &str) -> Uri {
        let (rest, fragment) = match s.split_once('#') {
            Some((r, f)) => (r, Some(f.to_owned())),
            None => (s, None),
        };
        let (rest, query) = match rest.split_once('?') {
            Some((r, q)) => (r, Some(q.to_owned())),
            None => (rest, None),
        };
        let (scheme, rest) = match rest.find(':') {
            Some(i) if i > 0 && !rest[..i].contains('/') && rest[..1].chars().all(|c| c.is_ascii_alphabetic()) => {
                (Some(rest[..i].to_ascii_lowercase()), &rest[i + 1..])
            }
            _ => (None, rest),
        };
        let (authority, path) = match rest.strip_prefix("//") {
            Some(r) => {
                let end = r.find('/').unwrap_or(r.len());
                (Some(r[..end].to_owned()), r[end..].to_owned())
            }
            None => (None, rest.to_owned()),
        };
        Uri { scheme, authority, path, query, fragment }
    }

    pub fn fragment(&self) -> Option<&str> {
        self.fragment.as_deref()
    }

    /// This URI without its fragment: the name of a document or resource.
    pub fn without_fragment(&self) -> Uri {
        Uri { fragment: None, ..self.clone() }
    }

    pub fn with_fragment(&self, fragment: &str) -> Uri {
        Uri { fragment: Some(fragment.to_owned()), ..self.clone() }
    }

    /// Resolves `reference` against this base (RFC 3986 section 5.2.2).
    pub fn join(&self, reference: &str) -> Uri {
        let r = Uri::parse(reference);
        let (scheme, authority, path, query);
        if r.scheme.is_some() {
            scheme = r.scheme;
            authority = r.authority;
            path = remove_dot_segments(&r.path);
            query = r.query;
        } else {
            scheme = self.scheme.clone();
            if r.authority.is_some() {
                authority = r.authority;
                path = remove_dot_segments(&r.path);
                query = r.query;
            } else {
                authority = self.authority.clone();
                if r.path.is_empty() {
                    path = self.path.clone();
                    query = r.query.or_else(|| self.query.clone());
                } else {
                    path = if r.path.starts_with('/') {
                        remove_dot_segments(&r.path)
                    } else {
                        remove_dot_segments(&self.merge(&r.path))
                    };
                    query = r.query;
                }
            }
        }
        Uri { scheme, authority, path, query, fragment: r.fragment }
    }

    fn merge(&self, ref_path: &str) -> String {
        if self.authority.is_some() && self.path.is_empty() {
            return format!("/{ref_path}");
        }
        match self.path.rfind('/') {
            Some(i) => format!("{}{ref_path}", &self.path[..=i]),
            None => ref_path.to_owned(),
        }
    }
}

fn remove_dot_segments(path: &str) -> String {
    if !path.contains('.') {
        return path.to_owned();
    }
    let mut out: Vec<&str> = Vec::new();
    let absolute = path.starts_with('/');
    let segments: Vec<&str> = path.split('/').collect();
    let last = segments.len() - 1;
    for (i, seg) in segments.iter().enumerate() {
        match *seg {
            "." => {
                if i == last {
                    out.push("");
                }
            }
            ".." => {
                if out.len() > usize::from(absolute) {
                    out.pop();
                }
                if i == last {
                    out.push("");
                }
            }
            s => out.push(s),
        }
    }
    let joined = out.join("/");
    if absolute && !joined.starts_with('/') {
        format!("/{joined}")
    } else {
        joined
    }
}

impl fmt::Display for Uri {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(s) = &self.scheme {
            write!(f, "{s}:")?;
        }
        if let Some(a) = &self.authority {
            write!(f, "//{a}")?;
        }
        f.write_str(&self.path)?;
        if let Some(q) = &self.query {
            write!(f, "?{q}")?;
        }
        if let Some(fr) = &self.fragment {
            write!(f, "#{fr}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn join(base: &str, r: &str) -> String {
        Uri::parse(base).join(r).to_string()
    }

    #[test]
    fn rfc3986_examples() {
        let b = "http://a/b/c/d;p?q";
        for (r, want) in [
            ("g", "http://a/b/c/g"),
            ("./g", "http://a/b/c/g"),
            ("g/", "http://a/b/c/g/"),
            ("/g", "http://a/g"),
            ("//g", "http://g"),
            ("?y", "http://a/b/c/d;p?y"),
            ("#s", "http://a/b/c/d;p?q#s"),
            ("", "http://a/b/c/d;p?q"),
            (".", "http://a/b/c/"),
            ("..", "http://a/b/"),
            ("../g", "http://a/b/g"),
            ("../../../g", "http://a/g"),
            ("g;x=1/../y", "http://a/b/c/y"),
        ] {
            assert_eq!(join(b, r), want, "{r}");
        }
    }

    #[test]
    fn urns_and_fragments() {
        assert_eq!(join("urn:uuid:deadbeef-1234", "#/$defs/a"), "urn:uuid:deadbeef-1234#/$defs/a");
        assert_eq!(join("http://localhost:1234/draft2020-12/tree", "node"), "http://localhost:1234/draft2020-12/node");
        let u = Uri::parse("http://x/y.json#foo");
        assert_eq!(u.fragment(), Some("foo"));
        assert_eq!(u.without_fragment().to_string(), "http://x/y.json");
        assert_eq!(join("file:///forms/a/schema.json", "common.json"), "file:///forms/a/common.json");
    }
}
