//! Where the citizen is in a multi-step form.

use eservice_core::Lang;
use yew::prelude::*;

use crate::i18n;

pub fn step_nav(titles: &[String], current: usize, lang: Lang) -> Html {
    let n = titles.len();
    let count = match lang {
        Lang::Th => format!("ขั้นตอนที่ {} จาก {n}", current + 1),
        Lang::En => format!("Step {} of {n}", current + 1),
    };
    html! {
        <nav class="step-nav" aria-label={i18n::STEPS.get(lang)}>
            <ol>
            { for titles.iter().enumerate().map(|(i, t)| html! {
                <li class={classes!((i == current).then_some("current"), (i < current).then_some("done"))}
                    aria-current={(i == current).then_some("step")}>
                    <span class="step-number" aria-hidden="true">{ i + 1 }</span>
                    <span class="step-title">{ t }</span>
                </li>
            }) }
            </ol>
            <p class="step-count" id="step-title" tabindex="-1">
                { count }{ ": " }<strong>{ titles.get(current).cloned().unwrap_or_default() }</strong>
            </p>
        </nav>
    }
}
