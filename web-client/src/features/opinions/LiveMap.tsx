import { useTranslation } from 'react-i18next';
import { ErrorMessage, Loading } from '../../layout/Status';
import { MapPicture } from './MapPicture';
import { MapText } from './MapText';
import { useLiveMap } from './useOpinions';

/** The live map for participants and leaders: the picture and, beside it, the same in words. */
export function LiveMap({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation();
  const { map, live, error, pending } = useLiveMap(conversationId);
  return (
    <section aria-labelledby="map-title">
      <h2 id="map-title">{t('opinions.map')}</h2>
      <p className="muted" role="status">{live ? t('opinions.live') : t('opinions.notLive')}</p>
      {pending && <Loading />}
      {error && <ErrorMessage error={error} />}
      {map && (
        <div className="map-layout">
          {((map.groups ?? []).length > 0 || map.you?.position) && <MapPicture map={map} />}
          <MapText map={map} />
        </div>
      )}
    </section>
  );
}
