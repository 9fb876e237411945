import { isEnded } from '../domain/calls/call-rules.js';
import { DomainError } from '../domain/errors/index.js';
import { callContext, inCallTx, type CallContext, type CallServiceDeps } from '../calls/call-context.js';
import { callFault, type CallFaultEntry } from './call-fault-catalog.js';
import { applyCallFault, faultApplies } from './call-fault-effect.js';

/** What an injected call fault did, for the control API's answer. */
export interface InjectedCallFault {
  callId: string;
  fault: string;
  resultInfo: CallFaultEntry['resultInfo'];
  scope: CallFaultEntry['scope'];
}

/**
 * Call faults on demand (POST /_switchboard/calls/{callId}/faults/{name}): the named fault
 * strikes the leg now, in one transaction, exactly as its timer would have.
 */
export class CallFaultInjector {
  private readonly ctx: CallContext;

  constructor(deps: CallServiceDeps) {
    this.ctx = callContext(deps);
  }

  /** Throws callFaultUnknown, callNotFound, callFaultCallEnded or callFaultNotApplicable. */
  async inject(callId: string, name: string): Promise<InjectedCallFault> {
    const fault = callFault(name);
    if (!fault) throw new DomainError('callFaultUnknown', { name });
    await inCallTx(this.ctx, async (unit) => {
      const call = await unit.requireCall(callId);
      if (isEnded(call.state)) throw new DomainError('callFaultCallEnded', { callId });
      if (!(await faultApplies(unit, call, fault))) throw new DomainError('callFaultNotApplicable', { name: fault.name, callId, reason: 'the leg is not waiting in the lobby' });
      await applyCallFault(unit, call, fault, this.ctx.clock.now());
    });
    return { callId, fault: fault.name, resultInfo: { ...fault.resultInfo }, scope: fault.scope };
  }
}
