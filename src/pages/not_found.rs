//! Any hash the app does not know.

use yew::prelude::*;

use crate::components::load_error::LoadError;
use crate::i18n;

#[derive(Properties, PartialEq)]
pub struct NotFoundProps {
    pub hash: String,
}

#[component]
pub fn NotFoundPage(props: &NotFoundProps) -> Html {
    html! { <LoadError title={i18n::NOT_FOUND} message={props.hash.clone()} /> }
}
