// Testing Library matchers (toBeInTheDocument, toHaveTextContent, …) for the jsdom unit project.
import '@testing-library/jest-dom';
