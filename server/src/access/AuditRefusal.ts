/** Records a refusal in a declaration's audit log (W8), without making the request wait for it. */
export type AuditRefusal = (declarationId: string, actor: { name: string; role: string }, action: string, detail: Record<string, unknown>) => void;
