//! Where the citizen is in a multi-step form.

use yew::prelude::*;

use crate::i18n::{self, use_lang};

#[derive(Properties, PartialEq)]
pub struct StepNavProps {
    pub titles: Vec<String>,
    pub current: usize,
}

#[component]
pub fn StepNav(props: &StepNavProps) -> Html {
    let lang = use_lang();
    let n = props.titles.len();
    let count = match lang {
        eservice_core::Lang::Th => format!("ขั้นตอนที่ {} จาก {n}", props.current + 1),
        eservice_core::Lang::En => format!("Step {} of {n}", props.current + 1),
    };
    html! {
        <nav class="step-nav" aria-label={i18n::STEPS.get(lang)}>
            <ol>
            { for props.titles.iter().enumerate().map(|(i, t)| html! {
                <li class={classes!((i == props.current).then_some("current"), (i < props.current).then_some("done"))}
                    aria-current={(i == props.current).then_some("step")}>
                    <span class="step-number" aria-hidden="true">{ i + 1 }</span>
                    <span class="step-title">{ t }</span>
                </li>
            }) }
            </ol>
            <p class="step-count" id="step-title" tabindex="-1">
                { count }{ ": " }<strong>{ props.titles.get(props.current).cloned().unwrap_or_default() }</strong>
            </p>
        </nav>
    }
}
