//! Hash routes, so that every page works on any static host:
//! `#/`, `#/apply/<form>`, `#/verify`, `#/register`, `#/sign`, `#/inbox`,
//! `#/design`.

use eservice_core::catalog::FormId;


#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Home,
    Apply(FormId),
    Verify,
    Register,
    Sign,
    Inbox,
    Design,
    /// Anything else, kept to tell the user what was asked for.
    NotFound(String),
}

impl Route {
    /// Reads `location.hash`.
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let path = path.split(['?', '#']).next().unwrap_or("").trim_end_matches('/');
        let mut parts = path.splitn(2, '/');
        match (parts.next().unwrap_or(""), parts.next()) {
            ("", None) => Route::Home,
            ("verify", None) => Route::Verify,
            ("register", None) => Route::Register,
            ("sign", None) => Route::Sign,
            ("inbox", None) => Route::Inbox,
            ("design", None) => Route::Design,
            ("apply", Some(id)) => match FormId::parse(id) {
                Some(id) => Route::Apply(id),
                None => Route::NotFound(hash.to_owned()),
            },
            _ => Route::NotFound(hash.to_owned()),
        }
    }

    pub fn href(&self) -> String {
        match self {
            Route::Home => "#/".into(),
            Route::Apply(id) => format!("#/apply/{id}"),
            Route::Verify => "#/verify".into(),
            Route::Register => "#/register".into(),
            Route::Sign => "#/sign".into(),
            Route::Inbox => "#/inbox".into(),
            Route::Design => "#/design".into(),
            Route::NotFound(h) => h.clone(),
        }
    }
}

/// The route `location.hash` names now.
pub fn current() -> Route {
    let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
    Route::parse(&hash)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_routes() {
        assert_eq!(Route::parse(""), Route::Home);
        assert_eq!(Route::parse("#/"), Route::Home);
        assert_eq!(Route::parse("#/apply/commerce-registration"), Route::Apply(FormId::parse("commerce-registration").unwrap()));
        assert_eq!(Route::parse("#/apply/commerce-registration/"), Route::Apply(FormId::parse("commerce-registration").unwrap()));
        assert_eq!(Route::parse("#/apply/../secrets"), Route::NotFound("#/apply/../secrets".into()));
        assert_eq!(Route::parse("#/nowhere"), Route::NotFound("#/nowhere".into()));
    }

    #[test]
    fn href_round_trips() {
        let r = Route::Apply(FormId::parse("a-1").unwrap());
        assert_eq!(Route::parse(&r.href()), r);
    }
}
