//! An element another bundle draws into ([`BundleHost`]): the verifier, the
//! agency's pages, the summary after submitting, the requests sent. The
//! bundle is loaded on demand and mounted once the element is on the page.

use eservice_core::Lang;
use web_sys::Element;
use yew::prelude::*;

use crate::bundles::Mount;
use crate::i18n::Phrase;

#[derive(Properties, PartialEq)]
pub struct BundleHostProps {
    pub id: AttrValue,
    pub what: Mount,
    /// The element whose `lang` the bundle follows.
    pub lang_of: Element,
    pub lang: Lang,
    /// What to say if the bundle cannot draw; `None` shows nothing at all,
    /// for a part of the page that is there only when it can be.
    #[prop_or_default]
    pub failed: Option<Phrase>,
}

/// The element, "loading" beside it until the bundle has drawn, and
/// `failed` if it could not. Nothing of this page goes inside the element.
#[component]
pub fn BundleHost(props: &BundleHostProps) -> Html {
    let host = use_node_ref();
    let drawn = use_state(|| None::<bool>);
    {
        let (host, drawn, what, lang_of) = (host.clone(), drawn.clone(), props.what.clone(), props.lang_of.clone());
        use_effect_with((), move |_| {
            if let Some(el) = host.cast::<Element>() {
                wasm_bindgen_futures::spawn_local(async move {
                    drawn.set(Some(crate::bundles::mount(what, el, lang_of).await));
                });
            }
        });
    }
    let state = match (*drawn, props.failed) {
        (_, None) | (Some(true), _) => Html::default(),
        (None, Some(_)) => super::apply::loading(props.lang),
        (Some(false), Some(failed)) => html! { <div class="problem-box" role="alert"><p>{ failed.get(props.lang) }</p></div> },
    };
    html! {
        <>
            <div id={props.id.clone()} ref={host} />
            { state }
        </>
    }
}
