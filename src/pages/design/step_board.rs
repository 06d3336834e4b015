//! The wizard's steps side by side, each listing its questions: a question
//! is dragged from one step onto another. By keyboard, each question's card
//! has its own "On step" list, which does the same.

use eservice_core::designer::{Design, Key};
use eservice_core::Lang;
use yew::prelude::*;

use super::{Dispatch, Edit};

#[derive(Properties, PartialEq)]
pub struct StepBoardProps {
    pub design: Design,
    pub lang: Lang,
    pub dispatch: Dispatch,
}

#[component]
pub fn StepBoard(props: &StepBoardProps) -> Html {
    let (d, lang) = (&props.design, props.lang);
    if d.steps.is_empty() {
        return Html::default();
    }
    let title = |k: &Key| d.questions.iter().find(|q| q.key == *k).map(|q| q.title.get(lang).to_owned()).filter(|t| !t.is_empty()).unwrap_or_else(|| k.to_string());
    let zone = |n: usize| {
        let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
        let dispatch = props.dispatch.clone();
        let ondrop = Callback::from(move |e: DragEvent| {
            e.prevent_default();
            let Some(key) = e.data_transfer().and_then(|t| t.get_data("text/plain").ok()).and_then(|k| Key::parse(&k)) else { return };
            dispatch.dispatch(Edit::new(move |d| d.put_on_step(&key, n)).into());
        });
        let chips = d.steps[n].questions.iter().map(|k| {
            let key = k.to_string();
            let ondragstart = Callback::from(move |e: DragEvent| {
                if let Some(t) = e.data_transfer() {
                    let _ = t.set_data("text/plain", &key);
                    t.set_effect_allowed("move");
                }
            });
            html! { <li key={k.to_string()} class="step-chip" id={format!("step-chip-{k}")} draggable="true" {ondragstart}>{ title(k) }</li> }
        });
        html! {
            <section class="step-zone" id={format!("step-zone-{n}")} {ondragover} {ondrop}>
                <h3>{ format!("{}. {}", n + 1, d.steps[n].title.get(lang)) }</h3>
                <ul>{ for chips }</ul>
            </section>
        }
    };
    html! {
        <div class="step-board-wrap">
            <p class="field-help">{ lang.pick("ลากคำถามไปวางในขั้นตอนที่ต้องการ หรือเลือก “อยู่ในขั้นตอน” ในแต่ละคำถาม", "Drag a question onto its step, or choose “On step” on the question") }</p>
            <div class="step-board">{ for (0..d.steps.len()).map(zone) }</div>
        </div>
    }
}
