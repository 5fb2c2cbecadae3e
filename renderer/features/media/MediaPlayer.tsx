// Playback behind the reveal: a deliberate step beyond the storyboard. The <video> (or <audio>)
// exists only while the core holds a play session for the item; it starts muted, and a video in
// greyscale and blurred, each of which the reviewer can toggle while it plays. Sound is a further
// step the core logs: until it answers, the element is kept muted whatever its controls say.
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { describeError } from '../../base/i18n.ts';
import { useSettings } from '../settings/settings.store.ts';
import { ReasonDialog } from '../reveal/ReasonDialog.tsx';
import { listenForPlayback, usePlayback } from './playback.store.ts';
import { mediaStream } from './media-stream.ts';
import './media.css';

interface MediaPlayerProps {
  itemId: string;
  kind: 'video' | 'audio';
  /** A play session started or ended, or the sound went on: the custody history has news. */
  onLogged: () => void;
}

export function MediaPlayer({ itemId, kind, onLogged }: MediaPlayerProps) {
  const playing = usePlayback((s) => s.itemId === itemId);
  const muted = usePlayback((s) => s.itemId !== itemId || s.muted);
  const busy = usePlayback((s) => s.busy);
  const reasonPrompt = useSettings((s) => s.settings.reasonPrompt);
  const [asking, setAsking] = useState(false);
  const [grey, setGrey] = useState(true);
  const [blur, setBlur] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const media = useRef<HTMLVideoElement & HTMLAudioElement>(null);
  const intl = useIntl();
  const t = intl.formatMessage;

  useEffect(() => listenForPlayback(), []);
  // Another item, or leaving the view: the session ends with it.
  useEffect(() => () => void usePlayback.getState().stop(), [itemId]);
  useEffect(() => {
    if (media.current) media.current.muted = muted;
  }, [muted, playing]);
  const logged = useEffectEvent(onLogged);
  useEffect(() => logged(), [playing, muted]);

  const start = async (reason?: string) => {
    setError(null);
    // Every session starts in greyscale and blurred, whatever the last one was toggled to.
    setGrey(true);
    setBlur(true);
    const outcome = await usePlayback.getState().start(itemId, reason);
    if (!outcome.ok) setError(describeError(intl, outcome.error));
    return outcome.ok;
  };
  const unmute = async () => {
    const outcome = await usePlayback.getState().unmute();
    if (!outcome.ok) setError(describeError(intl, outcome.error));
  };
  const report = (now: boolean) => usePlayback.getState().report(now);
  const common = {
    ref: media,
    src: mediaStream(itemId),
    muted: true,
    autoPlay: true,
    controls: true,
    controlsList: 'nodownload noremoteplayback noplaybackrate',
    'data-testid': 'media-player',
    'data-muted': muted,
    onPlaying: () => report(true),
    onPause: () => report(false),
    onEnded: () => report(false),
    // The controls' own sound button would unmute without the logged step: put it back.
    onVolumeChange: (event: { currentTarget: HTMLMediaElement }) => {
      if (muted && !event.currentTarget.muted) event.currentTarget.muted = true;
    },
  };
  const filter = [grey && 'grayscale(1)', blur && 'blur(18px)'].filter(Boolean).join(' ');

  return (
    <section className="media-player" aria-labelledby="media-player-title">
      <h2 id="media-player-title" className="section-title">
        <FormattedMessage id="media.player.title" defaultMessage="Playback" />
      </h2>
      {playing ? (
        <>
          {kind === 'video' ? (
            // The frame clips the blur, which would otherwise spill over the page.
            <div className="media-player-frame">
              <video
                {...common}
                className="media-player-video"
                disablePictureInPicture
                style={{ filter: filter || 'none' }}
              />
            </div>
          ) : (
            <audio {...common} className="media-player-audio" />
          )}
          <div className="media-player-actions">
            {kind === 'video' && (
              <>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={grey}
                    onChange={(e) => setGrey(e.target.checked)}
                    data-testid="play-grey"
                  />
                  <span className="check-label">
                    <FormattedMessage id="media.player.grey" defaultMessage="Greyscale" />
                  </span>
                </label>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={blur}
                    onChange={(e) => setBlur(e.target.checked)}
                    data-testid="play-blur"
                  />
                  <span className="check-label">
                    <FormattedMessage id="media.player.blur" defaultMessage="Blurred" />
                  </span>
                </label>
              </>
            )}
            {muted && (
              <button
                type="button"
                className="button"
                onClick={() => void unmute()}
                data-testid="play-unmute"
              >
                <FormattedMessage id="media.player.unmute" defaultMessage="Turn the sound on" />
              </button>
            )}
            <button
              type="button"
              className="button"
              onClick={() => void usePlayback.getState().stop()}
              data-testid="play-stop"
            >
              <FormattedMessage id="media.player.stop" defaultMessage="Stop and veil" />
            </button>
          </div>
        </>
      ) : (
        <>
          <p className="muted">
            <FormattedMessage
              id="media.player.hint"
              defaultMessage="Plays muted{video, select, yes {, in greyscale and blurred} other {}}. Every second counts as exposure and goes into the custody history."
              values={{ video: kind === 'video' ? 'yes' : 'no' }}
            />
          </p>
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => (reasonPrompt ? setAsking(true) : void start())}
            data-testid="play-start"
          >
            {kind === 'video'
              ? t({ id: 'media.player.playVideo', defaultMessage: 'Play the video' })
              : t({ id: 'media.player.playAudio', defaultMessage: 'Play the recording' })}
          </button>
        </>
      )}
      {error && <p className="field-error">{error}</p>}
      {asking && (
        <ReasonDialog
          step="play"
          onReason={async (reason) => {
            setAsking(false);
            await start(reason);
            return true;
          }}
          onCancel={() => setAsking(false)}
        />
      )}
    </section>
  );
}
