//! A page-sized message for a file that could not be used, naming the file
//! and the problem, with a way back.

use eservice_core::Lang;
use yew::prelude::*;

use crate::i18n::{self, Phrase};

pub fn load_error(title: Phrase, message: &str, lang: Lang) -> Html {
    html! {
        <section class="load-error" role="alert">
            <h1>{ title.get(lang) }</h1>
            <p class="load-error-detail">{ message }</p>
            <p><a href={crate::net::url("#/")}>{ i18n::BACK_HOME.get(lang) }</a></p>
        </section>
    }
}
