// The live wallboard data for a screen: queue names and targets from the
// strategy, the first picture from GET /api/v1/queues and /api/v1/agents,
// then WS /api/v1/supervisor/ws (a snapshot on every (re)connect, then
// queue_stats / agent_status / agent_stats events). The connection reopens
// by itself (LiveConnection's back-off) and asks for ?since= the last
// sequence number it applied.
import { useEffect, useReducer, useState } from 'preact/hooks';
import { LiveConnection, liveUrl, type LiveOptions, type LiveState } from '../../api/live';
import { get } from '../../api/session';
import { normalizeStrategy } from '../../strategy/normalize';
import { emptyBoard, reduceBoard, withSince, type BoardState } from './board';
import { queueInfo, type QueueInfo } from './targets';

export interface BoardView {
  board: BoardState;
  info: Record<string, QueueInfo>;
  live: LiveState;
  loaded: boolean;
  error: { status: number; message: string } | null;
}

const WS_PATH = '/api/v1/supervisor/ws';

export function useBoard(): BoardView {
  const [board, dispatch] = useReducer(reduceBoard, emptyBoard);
  const [info, setInfo] = useState<Record<string, QueueInfo>>({});
  const [live, setLive] = useState<LiveState>('closed');
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<BoardView['error']>(null);

  useEffect(() => {
    let active = true;
    let seq = -1;
    let conn: LiveConnection | null = null;
    const Native = globalThis.WebSocket;
    (async () => {
      const [strategy, queues, agents] = await Promise.all([
        get('/api/v1/strategy'),
        get('/api/v1/queues'),
        get('/api/v1/agents'),
      ]);
      if (!active) return;
      if (strategy.ok) setInfo(queueInfo(normalizeStrategy(strategy.data)));
      if (queues.ok && agents.ok) dispatch({ kind: 'rest', queues: queues.data, agents: agents.data, now: Date.now() });
      else {
        const bad = queues.ok ? agents : queues;
        if (!bad.ok) setError({ status: bad.status, message: bad.message });
      }
      setLoaded(true);
      conn = new LiveConnection(liveUrl(WS_PATH, globalThis.location), {
        // Each (re)connect asks for the events after the last one applied.
        WebSocket: function SinceSocket(url: string) {
          return new Native(withSince(url, seq));
        } as unknown as NonNullable<LiveOptions['WebSocket']>,
      });
      conn.on('*', (message) => {
        if (typeof message.seq === 'number') seq = message.type === 'snapshot' ? message.seq : Math.max(seq, message.seq);
        dispatch({ kind: 'message', message, now: Date.now() });
      });
      conn.onState(setLive);
      conn.start();
    })();
    return () => {
      active = false;
      conn?.stop();
    };
  }, []);

  return { board, info, live, loaded, error };
}
