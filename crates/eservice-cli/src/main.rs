//! `eservice`: the kit's core for shells and agency backends.
//!
//! Exit codes are part of the interface: 0 when the answer is yes, 1 when the
//! input was read and found wanting, 2 when it could not be read at all.

mod cmd;
mod input;
mod secret;
mod http;
mod output;

use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use eservice_core::Lang;

#[derive(Parser)]
#[command(name = "eservice", version, about = "Validate, hash, sign and verify e-Service submissions and permits")]
struct Cli {
    /// Language of messages.
    #[arg(long, global = true, value_enum, default_value_t = LangArg::En)]
    lang: LangArg,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    Th,
    En,
}

#[derive(Subcommand)]
enum Command {
    /// Validate a JSON data file against a form's JSON Schema.
    Validate(cmd::validate::Args),
    /// Run the official JSON-Schema-Test-Suite (draft 2020-12) and print pass counts.
    Conformance(cmd::conformance::Args),
    /// Print the SHA-256 of files, as sha256sum does and the browser records.
    Hash(cmd::hash::Args),
    /// Verify every signature in a permit PDF against a trust list and the permit register.
    Verify(cmd::verify::Args),
    /// Sign a permit PDF as the agency (PAdES B-B), optionally recording it in the register.
    Sign(Box<cmd::sign::Args>),
    /// Add validation data (CRLs, OCSP responses, certificates) to a signed permit's DSS.
    LtvUpdate(cmd::ltv::Args),
    /// Make a P-256 signing key with a certificate request, or a self-signed certificate for testing.
    Keygen(cmd::keygen::Args),
    /// Maintain the trust list the verifier reads.
    Trust(cmd::trust::Args),
    /// Submission packages: inspect one as a backend receives it.
    Package(cmd::package::Args),
    /// The public permit register (import from CSV) and the incoming register (add packages).
    Register(cmd::register::Args),
    /// An agency's site: make a new one ready to upload, or check one.
    Site(cmd::site::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = match cli.lang {
        LangArg::Th => Lang::Th,
        LangArg::En => Lang::En,
    };
    let outcome = match cli.command {
        Command::Validate(args) => cmd::validate::run(&args, lang),
        Command::Conformance(args) => cmd::conformance::run(&args, lang),
        Command::Hash(args) => cmd::hash::run(&args, lang),
        Command::Verify(args) => cmd::verify::run(&args, lang),
        Command::Register(args) => cmd::register::run(&args, lang),
        Command::Sign(args) => cmd::sign::run(&args, lang),
        Command::Keygen(args) => cmd::keygen::run(&args, lang),
        Command::LtvUpdate(args) => cmd::ltv::run(&args, lang),
        Command::Package(args) => cmd::package::run(&args, lang),
        Command::Trust(args) => cmd::trust::run(&args, lang),
        Command::Site(args) => cmd::site::run(&args, lang),
    };
    ExitCode::from(outcome as u8)
}

/// Seconds since 1970 (UTC), from the system clock.
pub fn unix_now() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default().as_secs()
}

/// How a command ended, as the process exit code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Outcome {
    Yes = 0,
    No = 1,
    Unreadable = 2,
}

impl Outcome {
    /// A command that either did what was asked or could not: the message
    /// goes to standard error, prefixed as every CLI error is.
    pub fn of(done: Result<(), String>) -> Outcome {
        match done {
            Ok(()) => Outcome::Yes,
            Err(msg) => {
                eprintln!("eservice: {msg}");
                Outcome::Unreadable
            }
        }
    }
}
