//! A page-sized message for a file that could not be used, naming the file
//! and the problem, with a way back.

use yew::prelude::*;

use crate::i18n::{self, use_lang, Phrase};

#[derive(Properties, PartialEq)]
pub struct LoadErrorProps {
    pub title: Phrase,
    pub message: String,
}

#[component]
pub fn LoadError(props: &LoadErrorProps) -> Html {
    let lang = use_lang();
    html! {
        <section class="load-error" role="alert">
            <h1>{ props.title.get(lang) }</h1>
            <p class="load-error-detail">{ &props.message }</p>
            <p><a href="#/">{ i18n::BACK_HOME.get(lang) }</a></p>
        </section>
    }
}
