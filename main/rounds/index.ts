/** The quarterly reporting round (issue 19): the entry points the transport handlers and the CLI use. */
export { addMember, closeRound, openRound, removeMember, reopenRound, requireOpenRound, setChannel } from './open-close';
export { prepareRound, type PreparedFolder, type PrepareKind } from './prepare';
export { applyReturn, previewReturn, type ReturnFile } from './returns';
export { roundStatus } from './status';
