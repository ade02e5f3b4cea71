//! What a pipeline is for either driver (RFC 9051 section 5.5): the
//! commands with their output types erased so that several kinds share
//! one pipeline, the collector that tells each untagged response's
//! command, the tickets and the results. Each driver adds its
//! `Pipeline`, which sends and reads (`blocking::Pipeline`,
//! `tokio::Pipeline`).

use std::any::Any;
use std::marker::PhantomData;

use super::{Collector, Protocol};
use crate::types::Response;
use crate::{Command, Error};

/// Where one command's result will be: give it to
/// [`PipelineResults::take`] for that result, typed.
#[derive(Debug)]
#[must_use = "the ticket is how the command's result is taken"]
pub struct Ticket<T> {
    slot: usize,
    _output: PhantomData<fn() -> T>,
}

impl<T> Ticket<T> {
    /// The ticket of the command in `slot`.
    pub(crate) fn new(slot: usize) -> Self {
        Ticket { slot, _output: PhantomData }
    }
}

/// The results of a pipeline, in the order the commands were added.
pub struct PipelineResults {
    results: Vec<Option<Result<Box<dyn Any + Send>, Error>>>,
}

/// A pipelined command with its output type erased, so commands of
/// different types can share one pipeline.
pub(crate) trait Pipelined: Send + Sync {
    fn collects(&self, response: &Response<'_>) -> bool;
    fn poll(
        &self,
        protocol: &mut Protocol,
        collector: &dyn Collector,
    ) -> Result<Option<Box<dyn Any + Send>>, Error>;
}

impl<C> Pipelined for C
where
    C: Command + Send + Sync + 'static,
    C::Output: Send + 'static,
{
    fn collects(&self, response: &Response<'_>) -> bool {
        Command::collects(self, response)
    }

    fn poll(
        &self,
        protocol: &mut Protocol,
        collector: &dyn Collector,
    ) -> Result<Option<Box<dyn Any + Send>>, Error> {
        let output = protocol.poll_pipelined(self, collector)?;
        Ok(output.map(|o| Box::new(o) as Box<dyn Any + Send>))
    }
}

/// Every command of a pipeline, by slot.
pub(crate) struct All<'a>(pub(crate) &'a [Box<dyn Pipelined>]);

impl Collector for All<'_> {
    fn collects(&self, slot: usize, response: &Response<'_>) -> bool {
        self.0.get(slot).is_some_and(|cmd| cmd.collects(response))
    }
}

impl PipelineResults {
    /// The results, by slot.
    pub(crate) fn new(results: Vec<Result<Box<dyn Any + Send>, Error>>) -> Self {
        PipelineResults { results: results.into_iter().map(Some).collect() }
    }

    /// The result of the command `ticket` stands for. Each result can be
    /// taken once.
    pub fn take<T: 'static>(&mut self, ticket: Ticket<T>) -> Result<T, Error> {
        let taken = self.results.get_mut(ticket.slot).and_then(Option::take);
        match taken {
            Some(Ok(output)) => {
                let output: Box<dyn Any> = output;
                output
                    .downcast::<T>()
                    .map(|b| *b)
                    .map_err(|_| Error::Aborted("a pipeline ticket from another pipeline".into()))
            }
            Some(Err(e)) => Err(e),
            None => Err(Error::Aborted("a pipeline ticket used twice or from another pipeline".into())),
        }
    }

    /// How many commands the pipeline ran.
    pub fn len(&self) -> usize {
        self.results.len()
    }

    /// True when the pipeline ran no command.
    pub fn is_empty(&self) -> bool {
        self.results.is_empty()
    }
}

impl std::fmt::Debug for PipelineResults {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PipelineResults").field("results", &self.results.len()).finish()
    }
}
