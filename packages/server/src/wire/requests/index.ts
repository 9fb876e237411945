export { parseCreateCall, type CreateCallContext } from './create-call.js';
export { parseAnswer } from './answer.js';
export { parseReject } from './reject.js';
export { parseRedirect } from './redirect.js';
