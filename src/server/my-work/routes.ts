import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { signedIn } from '../http/access.ts';

/**
 * "My work": the signed-in person's children, referrals waiting for their decision and tasks.
 * The lists fill as the capabilities that own them arrive; each is computed for this viewer only.
 */
export function myWorkRoutes(app: FastifyInstance, _ctx: AppContext) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/my-work', {
    config: signedIn(),
    schema: {
      tags: ['my work'],
      summary: 'The signed-in person’s children, referrals awaiting their decision, and tasks',
      response: {
        200: z.object({
          children: z.array(z.object({ id: z.string(), name: z.string() })),
          referralsAwaitingDecision: z.array(z.object({ id: z.string(), receivedAt: z.string() })),
          tasks: z.array(z.object({ id: z.string(), title: z.string(), dueAt: z.string().nullable() })),
        }),
      },
    },
    handler: async () => ({ children: [], referralsAwaitingDecision: [], tasks: [] }),
  });
}
