//! Any hash the app does not know.

use eservice_core::Lang;
use yew::prelude::*;

use crate::components::load_error::load_error;
use crate::i18n;

pub fn not_found_page(hash: &str, lang: Lang) -> Html {
    load_error(i18n::NOT_FOUND, hash, lang)
}
