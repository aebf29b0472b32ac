import { useRef, useState, type DragEvent, type FormEvent } from 'react';
import { useI18n } from '../i18n/i18n';
import { useCreators } from '../library/use-creators';
import { Field } from '../ui/field';
import { Screen } from '../ui/screen';
import { CreatorForm } from './creator-form';
import { UploadItem, type UploadRequest } from './upload-item';

/** Upload videos and images for a creator: each file with its own progress, dedupe notice and processing state. */
export function UploadScreen() {
  const { t } = useI18n();
  const creators = useCreators();
  const [creatorId, setCreatorId] = useState('');
  const [productSkus, setProductSkus] = useState('');
  const [title, setTitle] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [requests, setRequests] = useState<UploadRequest[]>([]);
  const [dragging, setDragging] = useState(false);
  const [missing, setMissing] = useState<'creator' | 'files' | null>(null);
  const nextId = useRef(1);
  const input = useRef<HTMLInputElement>(null);
  const creatorSelect = useRef<HTMLSelectElement>(null);
  /** Said once a creator was added or chosen from the form below, next to the list it changed. */
  const [chosenNote, setChosenNote] = useState('');
  // Nothing is preselected: an upload filed under the wrong creator carries the wrong rights.
  const chosenCreator = creatorId;

  const start = (e: FormEvent) => {
    e.preventDefault();
    if (!chosenCreator) {
      setMissing('creator');
      return creatorSelect.current?.focus();
    }
    if (files.length === 0) return setMissing('files');
    setMissing(null);
    const added = files.map((file) => ({ id: nextId.current++, file, creatorId: chosenCreator, productSkus, title: files.length === 1 ? title : '' }));
    setRequests((old) => [...added, ...old]);
    setFiles([]);
    if (input.current) input.current.value = '';
  };

  const chooseCreator = (id: string, note: string) => {
    setCreatorId(id);
    setChosenNote(note);
    if (id && missing === 'creator') setMissing(null);
  };

  const drop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    setFiles([...e.dataTransfer.files]);
  };

  return (
    <Screen title={t('upload.title')}>
      <form className="card upload-form" onSubmit={start} noValidate>
        <Field label={t('upload.creator')} error={missing === 'creator' ? t('upload.needCreator') : undefined}>
          <select ref={creatorSelect} value={chosenCreator} onChange={(e) => chooseCreator(e.target.value, '')}>
            <option value="">{(creators.data ?? []).length === 0 ? t('upload.noCreators') : t('upload.chooseCreator')}</option>
            {(creators.data ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                @{c.handle} ({c.platform})
              </option>
            ))}
          </select>
        </Field>
        {chosenNote && (
          <p className="notice" role="status">
            {chosenNote}
          </p>
        )}
        <Field label={t('upload.products')} hint={t('upload.productsHint')}>
          <input value={productSkus} onChange={(e) => setProductSkus(e.target.value)} placeholder="SKU-TSHIRT-01, SKU-MUG-03" />
        </Field>
        <Field label={t('upload.titleField')} hint={t('upload.titleHint')}>
          <input value={title} onChange={(e) => setTitle(e.target.value)} />
        </Field>
        <div
          className={`drop-zone${dragging ? ' dragging' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={drop}
        >
          <Field label={t('upload.files')} hint={t('upload.filesHint')} error={missing === 'files' ? t('upload.needFiles') : undefined}>
            <input ref={input} type="file" multiple accept="image/*,video/*" onChange={(e) => setFiles([...(e.target.files ?? [])])} />
          </Field>
        </div>
        <button type="submit" className="primary">
          {t('upload.start', { n: files.length })}
        </button>
      </form>
      <details className="card">
        <summary>{t('creator.addTitle')}</summary>
        <CreatorForm
          onCreated={(creator) => {
            creators.reload();
            chooseCreator(creator.id, t('creator.added', { handle: creator.handle }));
          }}
          onChooseExisting={(id) => {
            creators.reload();
            chooseCreator(id, '');
            creatorSelect.current?.focus();
          }}
        />
      </details>
      {requests.length > 0 && (
        <section aria-labelledby="uploads-heading">
          <h2 id="uploads-heading">{t('upload.list')}</h2>
          <ul className="upload-list">
            {requests.map((request) => (
              <UploadItem key={request.id} request={request} />
            ))}
          </ul>
        </section>
      )}
    </Screen>
  );
}
