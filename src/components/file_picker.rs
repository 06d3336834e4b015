//! A file picker that speaks the page's language: a labelled button and
//! the names of the files chosen, instead of the browser's own "Choose
//! Files / No file chosen", which stays in the browser's language (English
//! inside a Thai page).

use eservice_core::Lang;
use web_sys::{Event, HtmlInputElement};
use yew::prelude::*;

use crate::i18n;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub id: AttrValue,
    pub accept: AttrValue,
    pub lang: Lang,
    #[prop_or_default]
    pub multiple: bool,
    pub onchange: Callback<Event>,
}

#[component]
pub fn FilePicker(props: &Props) -> Html {
    let names = use_state(Vec::<String>::new);
    let onchange = {
        let (names, onchange) = (names.clone(), props.onchange.clone());
        Callback::from(move |e: Event| {
            if let Some(list) = e.target_dyn_into::<HtmlInputElement>().and_then(|i| i.files()) {
                names.set((0..list.length()).filter_map(|i| list.get(i)).map(|f| f.name()).collect());
            }
            onchange.emit(e);
        })
    };
    let chosen = if names.is_empty() { i18n::NO_FILE_CHOSEN.get(props.lang).to_owned() } else { names.join(", ") };
    let label = if props.multiple { i18n::CHOOSE_FILES } else { i18n::CHOOSE_FILE };
    html! {
        <span class="file-picker">
            <label class="secondary file-button">
                { label.get(props.lang) }
                <input id={props.id.clone()} type="file" class="visually-hidden" accept={props.accept.clone()} multiple={props.multiple} {onchange} />
            </label>
            <span class="file-chosen" aria-live="polite">{ chosen }</span>
        </span>
    }
}
