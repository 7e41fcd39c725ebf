// The linkage worker: links the people on record off the page's main thread (large lists take
// seconds) and keeps the result to answer "who might this be?". Names reach it from the page and
// go nowhere else; told to forget (lock), it drops them.
import { LinkSession, type LinkRequest } from './link-session.ts';

const scope = self as unknown as Worker;
const session = new LinkSession((reply, transfer) => scope.postMessage(reply, transfer ?? []));
scope.onmessage = (event: MessageEvent<LinkRequest>) => session.handle(event.data);
