import { Route, Routes } from 'react-router-dom';
import { FollowUpOverviewPage } from './FollowUpOverviewPage';
import { StaffMeetingPrintPage } from './StaffMeetingPrintPage';
import { UnitFollowUpPage } from './UnitFollowUpPage';
import { UppfoljningFormPage } from './UppfoljningFormPage';

/** "Min uppföljning" and its pages; the unit is in the query (`?unit=group:default/…`). */
export function FollowUpRouter() {
  return (
    <Routes>
      <Route path="/" element={<FollowUpOverviewPage />} />
      <Route path="/enhet" element={<UnitFollowUpPage />} />
      <Route path="/ny" element={<UppfoljningFormPage />} />
      <Route path="/utskrift" element={<StaffMeetingPrintPage />} />
    </Routes>
  );
}
