import type { IncomingMessage } from 'node:http';

/** What a connection may do with its document. */
export type Access = 'read' | 'write';

/** What the door decided for one websocket: which document, how, and on whose behalf. */
export interface Grant {
	/** Document name, as in `/collab/<doc>`. */
	doc: string;
	/** `read` connections sync down; every update they send is dropped. */
	access: Access;
	/** Who this is, e.g. `f:<facilitatorId>` or `p:<participantId>`; used to disconnect them later. */
	subject: string;
	/** The workshop the document belongs to. */
	workshopId: string;
	/** Name and colour shown to others in presence; never taken from the client. */
	user: { name: string; colour: string };
}

/** The outcome of authorising an upgrade request. */
export type Decision =
	| { ok: true; grant: Grant }
	| { ok: false; status: 400 | 401 | 403 | 404; reason: string };

/** Decides, from the request (cookies, Origin) and the document name, whether a socket may open. */
export type Authorize = (req: IncomingMessage, doc: string) => Decision | Promise<Decision>;
