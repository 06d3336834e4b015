//! The citizen's pages drawn without Yew (work in progress: a size probe).
//!
//! Why: the apply page's first load must fit 150 KB gzipped; Yew and the
//! code its `html!` expands to take most of what the form engine leaves.
//! Here the state is plain data, an action changes it, and the whole page is
//! drawn again and patched by `vdom`.

pub mod fields;
pub mod form;

use std::cell::RefCell;
use std::rc::Rc;

use eservice_core::catalog::FormId;
use eservice_core::Lang;
use yew::Reducible;

use crate::components::e_form::{FormAction, FormState};
use crate::loaded_form::LoadedForm;
use crate::vdom::Root;

struct App {
    state: Rc<FormState>,
    lang: Lang,
    root: Root,
    host: web_sys::Element,
}

thread_local! {
    static APP: RefCell<Option<App>> = const { RefCell::new(None) };
    /// Actions that arrived while the page was being drawn (a blur fired by
    /// removing a focused field): applied right after.
    static PENDING: RefCell<Vec<FormAction>> = const { RefCell::new(Vec::new()) };
}

fn dispatch(action: FormAction) {
    PENDING.with(|p| p.borrow_mut().push(action));
    loop {
        let actions = PENDING.with(|p| std::mem::take(&mut *p.borrow_mut()));
        if actions.is_empty() {
            return;
        }
        let drawn = APP.with(|app| {
            let Ok(mut app) = app.try_borrow_mut() else { return false };
            let Some(app) = app.as_mut() else { return true };
            for a in actions {
                app.state = Reducible::reduce(app.state.clone(), a);
            }
            draw(app);
            true
        });
        if !drawn {
            return;
        }
    }
}

fn draw(app: &mut App) {
    let d: form::Dispatch = Rc::new(dispatch);
    let node = form::view(&app.state, app.lang, &d, Rc::new(|v| web_sys::console::log_1(&v.to_string().into())));
    let dom = app.root.render(node);
    if dom.parent_node().is_none() {
        let _ = app.host.append_child(&dom);
    }
}

pub fn start() {
    crate::panic_notice::install();
    let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
    let Some(id) = hash.strip_prefix("#/apply/").and_then(FormId::parse) else { return };
    let Some(host) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("app")) else { return };
    wasm_bindgen_futures::spawn_local(async move {
        match LoadedForm::fetch(id).await {
            Ok(form) => {
                let data = form.initial_data();
                let form = Rc::new(form);
                let state = Rc::new(FormState { form, data, selections: Default::default(), touched: Vec::new(), step: 0, tried: false });
                APP.with(|a| *a.borrow_mut() = Some(App { state, lang: Lang::Th, root: Root::default(), host }));
                APP.with(|a| {
                    if let Some(app) = a.borrow_mut().as_mut() {
                        draw(app)
                    }
                });
            }
            Err(e) => host.set_text_content(Some(&e.message(Lang::Th))),
        }
    });
}
