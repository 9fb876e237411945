import { GraphError, type Bot } from '@switchboard/calling-bot';
import type { Journal } from './journal.js';

/**
 * Reports the assistant as recording (call-updaterecordingstatus). Graph allows it only in a call
 * under a compliance recording policy that names the app (403/8506 otherwise): the policy comes
 * with a participant, so a refused attempt is retried whenever someone new joins.
 */
export class RecordingStatus {
  status: 'notRecording' | 'recording' = 'notRecording';
  private attempt: Promise<void> | undefined;
  private refusals = 0;
  private again = false;

  constructor(
    private readonly bot: Bot,
    private readonly callId: string,
    private readonly journal: Journal,
  ) {}

  /** Tries to start recording unless it already did; a request during an attempt tries once more after it. */
  start(): Promise<void> {
    if (this.status === 'recording') return Promise.resolve();
    if (this.attempt) this.again = true;
    this.attempt ??= this.retrying().finally(() => (this.attempt = undefined));
    return this.attempt;
  }

  private async retrying(): Promise<void> {
    do {
      this.again = false;
      await this.update();
    } while (this.again && this.status !== 'recording');
  }

  private async update(): Promise<void> {
    try {
      await this.bot.client.calls.updateRecordingStatus(this.callId, { status: 'recording' });
      this.status = 'recording';
      this.journal.add('recording', 'recording status: recording (the meeting shows the assistant as recording)');
    } catch (error) {
      if (!(error instanceof GraphError) || error.status !== 403) throw error;
      if (this.refusals++ === 0) this.journal.add('recording-refused', `recording not allowed yet (${error.code}): waiting for someone whose compliance policy names this app`);
    }
  }
}
